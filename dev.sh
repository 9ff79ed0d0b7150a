#!/usr/bin/env bash
# One entry point for a fresh machine (Debian, Python 3.11):
#   ./dev.sh serve   install what is needed, build the bundled institutions and serve them
#   ./dev.sh test    install what is needed (Chromium included) and run the whole test suite
#   ./dev.sh build --out DIR   install what is needed and write the static site into DIR
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "modop: need root to run: $*" >&2; exit 1
    fi
}

install_python() {
    # WeasyPrint (the PDF notices) needs Debian's pango and a font to embed.
    if ! ldconfig -p | grep -q libpangoft2-1.0.so.0 || ! fc-list 2>/dev/null | grep -qi dejavu; then
        say "Installing pango and the DejaVu fonts for the PDF notices (Debian packages)"
        as_root apt-get update -qq && as_root apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig
    fi
    if [ ! -x .venv/bin/python ]; then
        say "Creating the Python environment in .venv"
        python3 -m venv .venv
    fi
    say "Installing the pinned Python dependencies"
    .venv/bin/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
}

install_node() {
    if ! command -v npm >/dev/null; then
        say "Installing Node.js and npm (Debian packages)"
        as_root apt-get update -qq && as_root apt-get install -y -qq nodejs npm
    fi
    if [ -f package-lock.json ]; then
        say "Installing the pinned npm packages (Pyodide)"
        npm ci --no-audit --no-fund --loglevel=error
    fi
}

install_chromium() {
    if ! command -v chromium >/dev/null; then
        say "Installing Debian's Chromium for the end-to-end tests"
        as_root apt-get update -qq && as_root apt-get install -y -qq chromium
    fi
}

case "${1:-}" in
    serve)
        install_python
        install_node
        shift
        exec .venv/bin/modop serve "$@"
        ;;
    build)
        install_python
        install_node
        shift
        exec .venv/bin/modop build "$@"
        ;;
    test)
        install_python
        install_node
        install_chromium
        shift
        exec .venv/bin/python -m pytest "$@"
        ;;
    *)
        echo "usage: ./dev.sh serve | ./dev.sh test [pytest options] | ./dev.sh build --out DIR" >&2
        exit 2
        ;;
esac
