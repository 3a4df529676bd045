"""Create or revoke partner tokens: `partner_token create --trust <slug> --partner <slug>`
(prints the token, once) and `partner_token revoke <id>`."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from home.models import PartnerToken, TrustPage


def _trust(slug):
    trust = TrustPage.objects.originals().filter(slug=slug).first()
    if trust is None:
        raise CommandError(f"No trust has the slug '{slug}'.")
    return trust


class Command(BaseCommand):
    help = "Create (printing it once) or revoke a token a partner trust uses to pull challenges."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create a token and print it once.")
        create.add_argument(
            "--trust", required=True, help="Slug of the trust whose challenges it reads."
        )
        create.add_argument(
            "--partner", required=True, help="Slug of the partner trust holding it."
        )
        create.add_argument("--label", default="", help="A note to recognise it later.")
        revoke = actions.add_parser("revoke", help="Revoke a token: it stops working at once.")
        revoke.add_argument("id", type=int)
        actions.add_parser("list", help="List tokens (never their secrets).")

    def handle(self, *args, action, **options):
        if action == "create":
            trust, partner = _trust(options["trust"]), _trust(options["partner"])
            try:
                token, secret = PartnerToken.issue(trust, partner, label=options["label"])
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            self.stderr.write(
                f"Token {token.pk} lets {partner.title} read {trust.title}'s public and partner "
                "challenges. It is shown only now:"
            )
            self.stdout.write(secret)
        elif action == "revoke":
            token = PartnerToken.objects.filter(pk=options["id"]).first()
            if token is None:
                raise CommandError(f"No partner token has the id {options['id']}.")
            token.revoke()
            self.stdout.write(f"Token {token.pk} ({token.hint}…) is revoked.")
        else:
            for token in PartnerToken.objects.select_related("trust", "partner"):
                state = "active" if token.active else "revoked or ended"
                pair = f"{token.trust.slug} -> {token.partner.slug}"
                self.stdout.write(f"{token.pk}\t{token.hint}…\t{pair}\t{state}")
