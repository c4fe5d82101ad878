// Scans the receipt's QR code with the device camera (jsQR from npm) and fills in the dossier code.
// Progressive: without a camera or scripts the page is a plain form.
(function () {
  "use strict";
  var start = document.getElementById("scan-start");
  if (!start || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof jsQR !== "function") {
    return;
  }
  var panel = document.getElementById("scan-panel");
  var video = document.getElementById("scan-video");
  var status = document.getElementById("scan-status");
  var input = document.getElementById("ma");
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });
  var stream = null;
  start.hidden = false;

  function stop() {
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    panel.hidden = true;
  }

  // The receipt encodes the lookup address (…/tra-cuu-ho-so?ma=CODE); a bare code works too.
  function codeFrom(text) {
    try {
      var url = new URL(text);
      return url.searchParams.get("ma") || text;
    } catch (e) {
      return text;
    }
  }

  function tick() {
    if (!stream) { return; }
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var image = context.getImageData(0, 0, canvas.width, canvas.height);
      var found = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      if (found && found.data) {
        input.value = codeFrom(found.data);
        status.textContent = "Đã đọc mã hồ sơ " + input.value + ". Nhập 4 số cuối điện thoại để tra cứu.";
        stop();
        document.getElementById("so").focus();
        return;
      }
    }
    window.requestAnimationFrame(tick);
  }

  start.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (media) {
      stream = media;
      video.srcObject = media;
      panel.hidden = false;
      status.textContent = "Đưa mã QR trên giấy tiếp nhận vào khung hình.";
      video.play();
      window.requestAnimationFrame(tick);
    }).catch(function () {
      panel.hidden = false;
      status.textContent = "Không mở được camera. Vui lòng nhập mã hồ sơ.";
    });
  });
  document.getElementById("scan-stop").addEventListener("click", stop);
})();
