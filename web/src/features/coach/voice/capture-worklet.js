// Runs on the audio thread: collects ~20 ms of mono input at the context's rate and posts it.
// A file of its own (not a blob: URL) so the strict CSP (script-src 'self') allows it.
class SpotlightCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.buf = new Float32Array(Math.round(sampleRate * 0.02));
    this.n = 0;
  }
  process(inputs) {
    const ch = inputs[0]?.[0];
    if (ch) {
      for (let i = 0; i < ch.length; i++) {
        this.buf[this.n++] = ch[i];
        if (this.n === this.buf.length) {
          this.port.postMessage(this.buf.slice(0));
          this.n = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor("spotlight-capture", SpotlightCapture);
