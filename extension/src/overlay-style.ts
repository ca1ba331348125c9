/** The overlay's own styles, inside its shadow root: nothing leaks in from the page or out to it. */
export const OVERLAY_CSS = `
:host { all: initial; }
.panel {
  position: fixed; z-index: 2147483647; width: 320px; max-height: 60vh; display: flex; flex-direction: column;
  font: 13px/1.45 system-ui, "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", sans-serif;
  color: #fff; background: rgba(20, 22, 28, 0.82); border-radius: 12px; box-shadow: 0 4px 16px rgba(0,0,0,.35);
  backdrop-filter: blur(6px); overflow: hidden;
}
.panel[hidden] { display: none; }
header { display: flex; align-items: center; gap: 6px; padding: 8px 10px; cursor: default; }
header .title { font-weight: 700; flex: 1; }
header .count { background: #03c75a; color: #fff; border-radius: 9px; padding: 0 7px; font-size: 12px; }
button {
  all: unset; cursor: pointer; font-size: 12px; padding: 2px 6px; border-radius: 6px; color: #d0d4da;
}
button:hover, button:focus-visible { background: rgba(255,255,255,.14); color: #fff; outline: none; }
ol { list-style: none; margin: 0; padding: 0 8px 8px; overflow-y: auto; display: flex; flex-direction: column; gap: 6px; }
.panel.collapsed ol { display: none; }
li { background: rgba(255,255,255,.08); border-radius: 8px; padding: 8px 10px; transition: background .6s; }
li.pinned { border-left: 3px solid #03c75a; }
li.fresh { background: rgba(3,199,90,.35); animation: pop .4s ease-out; }
@keyframes pop { from { transform: scale(.97); opacity: .4; } to { transform: none; opacity: 1; } }
.q, .a { white-space: pre-wrap; overflow-wrap: anywhere; }
.q { color: #c9d1d9; margin-bottom: 4px; }
.label { font-weight: 700; margin-right: 6px; }
.a .label { color: #03c75a; }
.actions { display: flex; justify-content: flex-end; gap: 4px; margin-top: 4px; }
.badge { font-size: 11px; color: #03c75a; font-weight: 700; margin-right: auto; }
`;
