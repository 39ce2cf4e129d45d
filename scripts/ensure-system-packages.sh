#!/usr/bin/env bash
# Installs what the test suite needs from Debian's packages when it is absent:
# Chromium for Playwright (no browser is ever downloaded from elsewhere),
# docutils, which checks the kernel ReST export, SPIN with a C compiler,
# which model-check the race model's Promela translation, and the two font
# setups the phone layout spec runs under (e2e/fonts/): DejaVu
# (fonts-dejavu-core, Debian's default) and Liberation Sans Narrow
# (fonts-liberation). The kernel-tools check (scripts/check/kernel-tools.ts)
# needs a kernel tree and Sphinx: linux-source-6.12, the kernel source
# tarball from the machine's own Debian sources (bookworm-security carries
# it), and python3-sphinx.
set -euo pipefail
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
/usr/bin/python3 -c 'import docutils' 2>/dev/null || missing+=(python3-docutils)
command -v spin >/dev/null 2>&1 || missing+=(spin)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
[[ -f /usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf ]] || missing+=(fonts-liberation)
[[ -f /usr/src/linux-source-6.12.tar.xz ]] || missing+=(linux-source-6.12)
[[ -x /usr/bin/sphinx-build ]] || missing+=(python3-sphinx)
((${#missing[@]} == 0)) && exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "error: the tests need Debian packages that are not installed: ${missing[*]}" >&2
  echo "install them as root:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
