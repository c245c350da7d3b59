"""A local news site with an RSS 2.0 and an Atom feed, for the feed and watch tests. One
item of each feed links to a page that is missing (404). Served on 127.0.0.1 only."""
from __future__ import annotations

import http.server
import threading

PAGES = {
    "/news/tawila-arrivals.html": (
        "<html><head><title>Thousands reach Tawila after fleeing El Fasher</title></head><body><article>"
        "<h1>Thousands reach Tawila after fleeing El Fasher</h1>"
        "<p>TAWILA, Sudan (Example Wire) - Aid workers said on Monday that 3,800 people had "
        "arrived in Tawila over the weekend after fleeing fighting in El Fasher.</p>"
        "<p>Most of the new arrivals are women and children, and many walked for three days. "
        "The camp's clinics are treating dozens of people for exhaustion and dehydration.</p>"
        "</article></body></html>"),
    "/news/kutum-shelling.html": (
        "<html><head><title>Shelling in Kutum kills 12</title></head><body><article>"
        "<h1>Shelling in Kutum kills 12</h1>"
        "<p>KUTUM, Sudan (Example Wire) - Shelling of a market in Kutum killed 12 people and "
        "injured 40 others on Sunday, a local medical official said.</p>"
        "<p>Residents said the market had reopened only a week earlier after months of closure.</p>"
        "</article></body></html>"),
}

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Darfur Monitor</title><link>{base}/</link><description>News from Darfur</description>
<item><title>Thousands reach Tawila after fleeing El Fasher</title>
 <link>{base}/news/tawila-arrivals.html</link><guid isPermaLink="false">dm-1001</guid>
 <pubDate>Mon, 13 May 2024 08:00:00 GMT</pubDate>
 <description>Aid workers say 3,800 people arrived over the weekend.</description></item>
<item><title>Shelling in Kutum kills 12</title>
 <link>{base}/news/kutum-shelling.html</link><guid isPermaLink="false">dm-1002</guid>
 <pubDate>Sun, 12 May 2024 17:30:00 GMT</pubDate>
 <description>A market was hit on Sunday.</description></item>
<item><title>Floods cut road to Kabkabiya</title>
 <link>{base}/news/kabkabiya-floods.html</link><guid isPermaLink="false">dm-1003</guid>
 <pubDate>Sat, 11 May 2024 10:00:00 GMT</pubDate>
 <content:encoded><![CDATA[<p>Flash floods cut the main road to Kabkabiya on Friday, and
 local authorities said that 650 families had been displaced from villages along the wadi.</p>
 <p>The road is expected to stay closed for at least a week.</p>]]></content:encoded></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Darfur Monitor (Atom)</title><id>urn:darfur-monitor</id><updated>2024-05-13T09:00:00Z</updated>
<entry><title>Thousands reach Tawila after fleeing El Fasher</title><id>urn:dm:1001</id>
 <link href="{base}/news/tawila-arrivals.html"/><updated>2024-05-13T08:00:00Z</updated>
 <summary>Aid workers say 3,800 people arrived over the weekend.</summary></entry>
<entry><title>Shelling in Kutum kills 12</title><id>urn:dm:1002</id>
 <link href="{base}/news/kutum-shelling.html"/><updated>2024-05-12T17:30:00Z</updated>
 <summary>A market was hit on Sunday.</summary></entry>
<entry><title>Floods cut road to Kabkabiya</title><id>urn:dm:1003</id>
 <link href="{base}/news/kabkabiya-floods.html"/><updated>2024-05-11T10:00:00Z</updated>
 <content type="html">&lt;p&gt;Flash floods cut the main road to Kabkabiya on Friday, and
 local authorities said that 650 families had been displaced from villages along the
 wadi.&lt;/p&gt;&lt;p&gt;The road is expected to stay closed for at least a week.&lt;/p&gt;</content></entry>
</feed>
"""

FEEDS = {"/feed.rss": (RSS, "application/rss+xml"), "/feed.atom": (ATOM, "application/atom+xml"),
         "/feed-as-xml": (RSS, "text/xml")}


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.server.hits.append(self.path)
        if self.path in FEEDS:
            text, kind = FEEDS[self.path]
            self._send(text.format(base=base).encode("utf-8"), f"{kind}; charset=utf-8")
        elif self.path in PAGES:
            self._send(PAGES[self.path].encode("utf-8"), "text/html; charset=utf-8")
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


def serve():
    """(server, base URL) of a started local site; call `stop(server)` when done."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.hits = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def stop(httpd) -> None:
    httpd.shutdown()
    httpd.server_close()
