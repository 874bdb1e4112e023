#!/usr/bin/python3
"""A tiny WebKitGTK browser for WebKitWebDriver to drive.

Why not MiniBrowser: its toolbar stops it below 447 px wide, and its automation
session prints no console messages. This one opens exactly the window asked
for (360 x 740 by default: SC_WIDTH, SC_HEIGHT), uses a fresh on-disk profile
so service workers and local storage behave as on a phone, and writes every
console message to stdout, where the test reads them. With SC_TAP_GUARD_MS set,
every page gets window.__safeguardingTapGuardMs before its own scripts run: the
app's tap guard for the tests (see src/platform/clock.rs).
"""

import os
import sys
import tempfile

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

WIDTH = int(os.environ.get("SC_WIDTH", "360"))
HEIGHT = int(os.environ.get("SC_HEIGHT", "740"))
PROFILE = os.environ.get("SC_PROFILE") or tempfile.mkdtemp(prefix="sc-webkit-")
TAP_GUARD_MS = os.environ.get("SC_TAP_GUARD_MS")

manager = WebKit2.WebsiteDataManager(
    base_data_directory=os.path.join(PROFILE, "data"),
    base_cache_directory=os.path.join(PROFILE, "cache"),
)
context = WebKit2.WebContext.new_with_website_data_manager(manager)
context.set_automation_allowed(True)
windows = []


def settings():
    s = WebKit2.Settings()
    s.set_enable_write_console_messages_to_stdout(True)
    s.set_enable_developer_extras(True)
    return s


def content_manager():
    manager = WebKit2.UserContentManager()
    if TAP_GUARD_MS is not None:
        script = WebKit2.UserScript.new(
            f"window.__safeguardingTapGuardMs = {float(TAP_GUARD_MS)};",
            WebKit2.UserContentInjectedFrames.ALL_FRAMES,
            WebKit2.UserScriptInjectionTime.START,
            None,
            None,
        )
        manager.add_script(script)
    return manager


def new_view(session):
    view = WebKit2.WebView(
        web_context=context,
        is_controlled_by_automation=True,
        settings=settings(),
        user_content_manager=content_manager(),
    )
    window = Gtk.Window()
    window.set_default_size(WIDTH, HEIGHT)
    window.set_resizable(True)
    window.add(view)
    window.connect("destroy", lambda *_: closed(window))
    window.show_all()
    windows.append(window)
    return view


def closed(window):
    windows.remove(window)
    if not windows:
        Gtk.main_quit()


def automation_started(_context, session):
    info = WebKit2.ApplicationInfo()
    info.set_name("sc-webkit")
    info.set_version(1, 0, 0)
    session.set_application_info(info)
    session.connect("create-web-view", new_view)


context.connect("automation-started", automation_started)
print(f"sc-webkit: profile {PROFILE}, window {WIDTH}x{HEIGHT}, args {sys.argv[1:]}", flush=True)
Gtk.main()
