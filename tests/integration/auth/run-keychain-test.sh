#!/bin/sh
# Runs the keychain vault test against a real Secret Service: a private
# D-Bus session with gnome-keyring unlocked by a throwaway password.
# Needs Debian's gnome-keyring, dbus, dbus-x11 and libsecret-1-0.
set -eu
cd "$(dirname "$0")/../../.."
exec dbus-run-session -- sh -c 'echo -n pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run tests/integration/auth/keychain-vault.test.ts'
