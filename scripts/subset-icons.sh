#!/usr/bin/env bash
# Rebuilds the Bootstrap Icons subset the site serves: only the icons the code names (a "bi-..."
# class in a page, a C# string or a script), about 5 KB of font and 2.5 KB of CSS instead of the
# full 134 KB font and 87 KB stylesheet. Run it after using an icon the site did not use before;
# the test StaticAssetsTests.Every_icon_the_code_names_is_in_the_served_subset says when.
#
# The full upstream files (Bootstrap Icons 1.13.1, MIT) stay in src/DealerCrm.Web/Assets.
# Needs Debian's libharfbuzz-bin (hb-subset) and woff2 (woff2_compress, woff2_decompress).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
web="$root/src/DealerCrm.Web"
upstream="$web/Assets/bootstrap-icons"
out="$web/wwwroot/lib/bootstrap-icons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in hb-subset woff2_compress woff2_decompress python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y libharfbuzz-bin woff2)" >&2; exit 1; }
done

grep -rhoE '\bbi-[a-z0-9]+(-[a-z0-9]+)*' "$web" --include='*.cshtml' --include='*.cs' --include='*.js' \
    --exclude-dir=bin --exclude-dir=obj --exclude-dir=lib | sort -u > "$work/names"

# The CSS rules of those icons, and their code points for the font subset.
python3 - "$upstream/bootstrap-icons.min.css" "$work/names" "$out/bootstrap-icons.min.css" "$work/unicodes" <<'PY'
import re, sys
css, names_file, out_css, out_unicodes = sys.argv[1:5]
full = open(css, encoding="utf-8").read()
rules = dict(re.findall(r'\.(bi-[a-z0-9-]+)::before\{content:"\\([0-9a-f]+)"\}', full))
names = [n.strip() for n in open(names_file, encoding="utf-8") if n.strip()]
used = [n for n in names if n in rules]
for n in sorted(set(names) - set(used)):
    print(f"not an icon, skipped: {n}", file=sys.stderr)
header = full[:full.index(".bi-123::before")]
header = re.sub(r'fonts/bootstrap-icons\.woff2\?[0-9a-f]+', 'fonts/bootstrap-icons.woff2', header)
with open(out_css, "w", encoding="utf-8") as f:
    f.write("/* Bootstrap Icons 1.13.1 (MIT), only the icons DealerCrm uses: regenerate with scripts/subset-icons.sh. */\n")
    f.write(header[header.index("@font-face"):])
    f.write("".join(f'.{n}::before{{content:"\\{rules[n]}"}}' for n in used))
    f.write("\n")
with open(out_unicodes, "w") as f:
    f.write(",".join(rules[n] for n in used))
print(f"{len(used)} icons")
PY

woff2_decompress "$upstream/bootstrap-icons.woff2" >/dev/null
mv "$upstream/bootstrap-icons.ttf" "$work/full.ttf"
hb-subset "$work/full.ttf" --unicodes="$(cat "$work/unicodes")" --output-file="$work/bootstrap-icons.ttf"
woff2_compress "$work/bootstrap-icons.ttf" >/dev/null
mkdir -p "$out/fonts"
cp "$work/bootstrap-icons.woff2" "$out/fonts/bootstrap-icons.woff2"
ls -l "$out/bootstrap-icons.min.css" "$out/fonts/bootstrap-icons.woff2"
