#!/usr/bin/env bash
# Installs the system packages the full test suite needs, from Debian only:
# chromium (browser test of the HTML report), poppler-utils (pdftotext: the print test), libreoffice-calc-nogui
# (soffice: recalculating report.xlsx's formulas) and Jupyter (executing the notebooks on the Deno kernel). Idempotent; skips what is already there.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/pdftotext ] || need+=(poppler-utils)
[ -x /usr/bin/soffice ] || need+=(libreoffice-calc-nogui)
[ -x /usr/bin/jupyter ] && /usr/bin/jupyter nbconvert --version >/dev/null 2>&1 || need+=(jupyter-nbconvert jupyter-client python3-ipykernel)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup-system: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
