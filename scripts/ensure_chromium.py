"""Make sure Debian's chromium is installed (for handout PDFs and browser tests)."""

import os
import shutil
import subprocess
import sys

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def main():
    if os.path.exists(CHROMIUM):
        return 0
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        print("Memasang chromium dari paket Debian ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([apt, "update", "-qq"], check=True, env=env)
        subprocess.run([apt, "install", "-y", "-qq", "--no-install-recommends", "chromium",
                        "fonts-dejavu-core"], check=True, env=env)
        return 0
    print(
        "Chromium belum terpasang. Jalankan:\n"
        "    sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core\n"
        "lalu ulangi perintah ini.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
