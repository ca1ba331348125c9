import "@fontsource/noto-sans-kr/400.css";
import "@fontsource/noto-sans-kr/700.css";
import "./styles.css";
import "./board.css";
import "./setup.css";
import "./report.css";
import { render } from "preact";
import { App } from "./app.tsx";
import { consumeDeepLink } from "./auth.ts";
import { lang } from "./i18n.ts";
import { watchRoute } from "./route.ts";

consumeDeepLink();
watchRoute(() => consumeDeepLink());
document.documentElement.lang = lang.value;

const root = document.getElementById("app");
if (root) render(<App />, root);
