"""appkit: tailored job-application packets from a candidate profile and a role guide."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("appkit")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
