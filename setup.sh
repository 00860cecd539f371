#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine: system packages, then briefgen itself.
# LibreOffice (headless) is what the tests use to prove a draft opens in a real client;
# DejaVu/Liberation fonts cover Vietnamese in charts and in the PDF rendering.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
[ -d /usr/share/fonts/truetype/liberation ] || need_apt+=(fonts-liberation)
# Liberation 2 (metric-compatible with Times New Roman, the draft's font) has the Vietnamese letters
# that Liberation 1 lacks: without it LibreOffice mixes in DejaVu and pages break unlike Word's.
[ -d /usr/share/fonts/truetype/liberation2 ] || need_apt+=(fonts-liberation2)
# chromium + its driver: the browser test of `briefgen serve`'s page (headless, via selenium)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

PIP_ROOT_USER_ACTION=ignore python3 -m pip install -q --disable-pip-version-check -e ".[test]"
command -v pyenv >/dev/null 2>&1 && pyenv rehash || true
