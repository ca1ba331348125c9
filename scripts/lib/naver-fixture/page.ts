import { escapeJsString } from "../../../core/naver/broadcast.ts";

/**
 * The viewer page `/lives/{id}`: the broadcast JSON embedded the way Naver embeds it, and a
 * small script that talks Socket.IO v2 / Engine.IO v3 over a WebSocket like the real page
 * (open, `40`, pings every `pingInterval`, `broadcast_chat` events rendered as text).
 */
export function viewerPageHtml(detail: Record<string, unknown>, broadcastId: string): string {
  const title = String(detail.title ?? "").replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${title} : 네이버 쇼핑라이브</title>
<script>window.__viewerConfig = {};window.__viewerConfig.broadcast = '${escapeJsString(JSON.stringify(detail))}';</script>
</head><body>
<main><h1 id="title"></h1><ul id="comments" role="log" aria-live="polite"></ul></main>
<script>
(() => {
  const broadcast = JSON.parse(window.__viewerConfig.broadcast);
  document.getElementById("title").textContent = broadcast.title;
  const list = document.getElementById("comments");
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const url = scheme + "//" + location.host + "/socket.io/?EIO=3&transport=websocket&broadcastId=${encodeURIComponent(broadcastId)}";
  let ping = null;
  function connect() {
    const ws = new WebSocket(url);
    ws.onmessage = (e) => {
      const text = String(e.data);
      if (text[0] === "0") {
        const open = JSON.parse(text.slice(1));
        clearInterval(ping);
        ping = setInterval(() => ws.readyState === 1 && ws.send("2"), open.pingInterval);
        return;
      }
      if (!text.startsWith("42")) return;
      const [event, payload] = JSON.parse(text.slice(2));
      if (event !== "broadcast_chat") return;
      for (const c of JSON.parse(payload).list) {
        const li = document.createElement("li");
        li.textContent = c.nickname + ": " + c.message;
        list.append(li);
      }
      while (list.childElementCount > 50) list.firstElementChild.remove();
    };
    ws.onclose = () => { clearInterval(ping); setTimeout(connect, 1000); };
  }
  connect();
})();
</script></body></html>`;
}
