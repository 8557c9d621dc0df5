"""The desktop entry and the AppStream metainfo in resources/ are named after APP_ID and
point at each other, the icon, the screenshot and the licence."""

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from xorlab import APP_ID

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(RESOURCES / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "xorlab"
    assert desktop["Exec"].split()[0] == "xorlab" and desktop["Icon"] == APP_ID
    assert "Education" in desktop["Categories"].split(";")


def test_metainfo():
    root = ET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "MIT"
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("content_rating").get("type").startswith("oars-")
    assert root.find("description/p") is not None
    image = root.find("screenshots/screenshot/image").text
    assert (RESOURCES / Path(image).name).is_file()
