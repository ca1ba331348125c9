import "@fontsource/noto-sans-kr/400.css";
import "@fontsource/noto-sans-kr/700.css";
import "./styles.css";
import "./board.css";
import "./suggestions.css";
import "./setup.css";
import "./report.css";
import { render } from "preact";
import { App } from "./app.tsx";
import { checkSession, consumeDeepLink } from "./auth.ts";
import { lang } from "./i18n.ts";
import { watchRoute } from "./route.ts";

if (!consumeDeepLink()) void checkSession();
watchRoute(() => void consumeDeepLink());
document.documentElement.lang = lang.value;

const root = document.getElementById("app");
if (root) render(<App />, root);
