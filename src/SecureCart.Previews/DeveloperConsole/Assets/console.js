// Live progress for the console's environment page: reads the API's event stream (same origin, the console's
// cookie) and appends each event; when the operation ends, reloads so the page shows the final state.
// fetch rather than EventSource: EventSource delivers only event types it was told about in advance.
(() => {
  "use strict";
  const progress = document.getElementById("progress");
  if (!progress || progress.dataset.live !== "true") {
    return;
  }

  const list = document.getElementById("events");
  let last = Number(progress.dataset.last || "0");

  const show = (type, message, sequence) => {
    const item = document.createElement("li");
    if (sequence) {
      item.dataset.sequence = String(sequence);
    }
    const label = document.createElement("span");
    label.className = "type";
    label.textContent = type;
    item.append(label, " ", message);
    list.append(item);
  };

  // One SSE record ("field: value" lines); returns true when the operation has ended.
  const handle = (record) => {
    let type = "message";
    let data = "";
    for (const line of record.split("\n")) {
      if (line.startsWith("event:")) {
        type = line.slice(6).trim();
      } else if (line.startsWith("data:")) {
        data += line.slice(5).trim();
      }
    }
    if (!data) {
      return false;
    }
    const payload = JSON.parse(data);
    if (type === "end") {
      show("end", payload.status || "", 0);
      return true;
    }
    if (payload.sequence > last) {
      last = payload.sequence;
      show(payload.type || type, payload.message || "", payload.sequence);
    }
    return false;
  };

  const watch = async () => {
    const response = await fetch(`/v1/operations/${progress.dataset.operation}/events?lastEventId=${last}`, {
      headers: { Accept: "text/event-stream" },
      credentials: "same-origin",
    });
    if (!response.ok || !response.body) {
      throw new Error(`event stream answered ${response.status}`);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return false;
      }
      buffer += value.replaceAll("\r\n", "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const record = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (handle(record)) {
          return true;
        }
      }
    }
  };

  // A dropped stream resumes after the last event shown; an ended operation reloads the page once.
  const run = async () => {
    for (let attempt = 0; attempt < 30; attempt++) {
      try {
        if (await watch()) {
          progress.dataset.live = "false";
          window.location.reload();
          return;
        }
      } catch (error) {
        show("reconnecting", error.message, 0);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };

  run();
})();
