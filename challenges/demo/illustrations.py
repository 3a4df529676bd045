"""Hero illustrations for the demo challenges, drawn with Pillow.

Each picture is a title card: a diagonal gradient in the challenge's palette, a scatter of soft
shapes and the title on a pale panel. The shapes come from a random generator seeded with the
challenge's slug, so the same challenge always gets the same picture.
"""

import random
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 675  # 16:9, wide enough for Wagtail's larger renditions
BOLD_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
REGULAR_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# name: (start colour, end colour, description used in the alt text)
PALETTES = {
    "meadow": ("2E7D32", "C0CA33", "green and lime"),
    "ocean": ("0B5394", "26A69A", "blue and teal"),
    "sunrise": ("E65100", "FBC02D", "orange and yellow"),
    "berry": ("AD1457", "F06292", "pink and raspberry"),
    "dusk": ("4527A0", "7986CB", "purple and lavender"),
    "sky": ("1565C0", "81D4FA", "deep and pale blue"),
    "earth": ("6D4C41", "D7A86E", "brown and sand"),
    "coral": ("C62828", "FF8A65", "red and coral"),
    "forest": ("1B5E20", "00897B", "dark green and teal"),
    "night": ("1A237E", "5C6BC0", "navy and indigo"),
    "citrus": ("F57F17", "9CCC65", "amber and green"),
    "slate": ("37474F", "90A4AE", "grey and slate blue"),
}


def palette_description(palette):
    return PALETTES[palette][2]


@lru_cache(maxsize=8)
def _font(size, bold=True):
    path = BOLD_FONT if bold else REGULAR_FONT
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def _rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


@lru_cache(maxsize=1)
def _diagonal_mask():
    """0 at the top left, 255 at the bottom right; shared by every picture."""
    vertical = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    horizontal = vertical.transpose(Image.Transpose.ROTATE_90).resize((WIDTH, HEIGHT))
    return ImageChops.add(vertical, ImageChops.invert(horizontal), scale=2.0)


def _wrap(draw, text, font, max_width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > max_width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def _scatter_shapes(overlay, rng):
    """Soft translucent circles, rounded squares and triangles across the picture."""
    draw = ImageDraw.Draw(overlay, "RGBA")  # blend where shapes overlap
    for _ in range(14):
        size = rng.randint(40, 220)
        x, y = rng.randint(-60, WIDTH), rng.randint(-60, HEIGHT - 120)
        fill = (255, 255, 255, rng.randint(28, 70))
        shape = rng.choice(["circle", "circle", "square", "triangle"])
        if shape == "circle":
            draw.ellipse((x, y, x + size, y + size), fill=fill)
        elif shape == "square":
            draw.rounded_rectangle((x, y, x + size, y + size), radius=size // 5, fill=fill)
        else:
            draw.polygon([(x, y + size), (x + size // 2, y), (x + size, y + size)], fill=fill)


def _title_panel(overlay, title, caption, ink):
    draw = ImageDraw.Draw(overlay)
    title_font, caption_font = _font(64), _font(30, bold=False)
    margin, padding = 60, 36
    lines = _wrap(draw, title, title_font, WIDTH - 2 * (margin + padding))[:3]
    line_height = 78
    panel_height = padding * 2 + 44 + line_height * len(lines)
    top = HEIGHT - margin - panel_height
    draw.rounded_rectangle(
        (margin, top, WIDTH - margin, HEIGHT - margin), radius=28, fill=(255, 255, 255, 228)
    )
    draw.text((margin + padding, top + padding), caption, font=caption_font, fill=ink)
    for index, line in enumerate(lines):
        y = top + padding + 44 + index * line_height
        draw.text((margin + padding, y), line, font=title_font, fill=(33, 33, 33, 255))


def hero_jpeg(title, caption, palette, seed):
    """A 1200x675 JPEG title card; the same arguments always give the same bytes."""
    start, end, _ = PALETTES[palette]
    rng = random.Random(seed)
    picture = Image.composite(
        Image.new("RGB", (WIDTH, HEIGHT), _rgb(end)),
        Image.new("RGB", (WIDTH, HEIGHT), _rgb(start)),
        _diagonal_mask(),
    ).convert("RGBA")
    overlay = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    _scatter_shapes(overlay, rng)
    _title_panel(overlay, title, caption, ink=(*_rgb(start), 255))
    picture = Image.alpha_composite(picture, overlay).convert("RGB")
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()
