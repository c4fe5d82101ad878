// Progressive enhancements only: every page works without scripts.
(function () {
  "use strict";
  // Ask before submitting forms that change something important.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // Copy buttons (generated passwords, TOTP secrets).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) { return; }
    var text = document.getElementById(button.getAttribute("data-copy"));
    if (text && navigator.clipboard) {
      navigator.clipboard.writeText(text.textContent.trim()).then(function () {
        button.textContent = "Đã sao chép";
      });
    }
  });
})();
(function () {
  "use strict";
  // Print buttons (no inline handlers: the CSP forbids them).
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
    }
  });
})();
