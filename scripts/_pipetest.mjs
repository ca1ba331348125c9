import puppeteer from "puppeteer-core";
const b = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  pipe: true,
  args: ["--no-sandbox", "--disable-gpu"],
  env: { ...process.env, PIPETEST_MARK: "x1" },
});
console.log("browser pid", b.process().pid, "me", process.pid);
setInterval(() => {}, 1000);
