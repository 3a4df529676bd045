vcl 4.1;
# The front cache in front of gunicorn (docs/operations.md). It keeps public pages and
# the channels other websites read (embeds, widget, list, oEmbed, feed, API, sitemap) and drops
# them when the application sends PURGE (wagtail.contrib.frontend_cache's HTTP backend).
# Any CDN that accepts purges can take its place.

# The application server. .ci/run rewrites the port line for its own backend port.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Only the application, on this machine, may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.url == "/.well-known/lcl-varnish") {
        return (synth(200, "Varnish is up"));
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE is accepted from loopback only"));
        }
        # A purge drops the path with every query string (widget and list queries, oEmbed).
        ban("obj.http.x-lcl-host == " + req.http.host +
            " && obj.http.x-lcl-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in and token-bearing requests are never shared; nor is anything of the admin.
    if (req.http.Authorization ||
        req.url ~ "^/(admin|django-admin|documents|healthz)(/|\?|$)") {
        return (pass);
    }
    # Channels for other websites are the same for everyone, whatever cookies arrive: routes
    # without sessions in library/routes.py (tests/ops/test_route_table.py holds the two alike).
    if (req.url ~ "^/(embed/|embed\.js|oembed/|feeds/|api/v2/|sitemap\.xml|robots\.txt|favicon\.ico|schema/|static/)") {
        unset req.http.Cookie;
        return (hash);
    }
    # Pages: a visitor with a session may see more than the public, so theirs pass.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # What a purge matches on (host and path without the query string); removed on delivery.
    set beresp.http.x-lcl-host = bereq.http.host;
    set beresp.http.x-lcl-path = regsub(bereq.url, "\?.*$", "");
    # A response that sets a cookie is someone's own: never shared.
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Serve a stale copy for a while if the application is down.
    set beresp.grace = 1h;
}

sub vcl_deliver {
    unset resp.http.x-lcl-host;
    unset resp.http.x-lcl-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
