/**
 * A stand-in for a Naver Shopping Live viewer page, served at the real URL by request
 * interception: a player (a video element), a chat list with hashed class names like the
 * real site's, and no stable ids. The overlay must find its place without any of them.
 */
export const VIEWER_PAGE_HTML = `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><title>쇼핑라이브</title>
<style>
  body { margin: 0; background: #111; font-family: sans-serif; }
  .Player_wrap_x8Kq2 { position: relative; width: 420px; height: 746px; margin: 0 auto; background: #222; }
  video { width: 100%; height: 100%; display: block; background: #333; }
  .CommentList_animation_area_Ca5J9 { position: absolute; left: 0; right: 0; bottom: 60px; color: #fff; padding: 8px; }
</style></head>
<body>
  <div id="root"><div class="Player_wrap_x8Kq2">
    <video muted playsinline></video>
    <ul class="CommentList_animation_area_Ca5J9"><li>xin: 사이즈 몇이에요?</li><li>hhan****: 배송 언제 와요?</li></ul>
  </div></div>
  <script>window.__viewerConfig = { broadcast: '{"id":1}' };</script>
</body>
</html>`;
