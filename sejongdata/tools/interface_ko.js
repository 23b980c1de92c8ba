/*
 * 책 화면의 한국어 문구 중 자바스크립트가 만드는 것 (sejongdata/tools/interface_ko.py).
 * sphinx-copybutton 에는 한국어 문구가 없고, sphinx-togglebutton 은 단추 이름을 영어로 고정해 둡니다.
 * 이 파일은 copybutton.js 바로 뒤에 불러 옵니다 (단추는 DOMContentLoaded 때 만들어집니다).
 */
(() => {
  const copy = __COPYBUTTON__;
  if (typeof messages !== "undefined" && typeof locale !== "undefined") {
    const english = messages[locale] || messages.en;
    messages.ko = copy;
    locale = "ko";
    if (typeof iconCopy !== "undefined")
      iconCopy = iconCopy.replace(`<title>${english.copy_to_clipboard}</title>`, `<title>${copy.copy_to_clipboard}</title>`);
    if (typeof iconCheck !== "undefined")
      iconCheck = iconCheck.replace(`<title>${english.copy_success}</title>`, `<title>${copy.copy_success}</title>`);
  }
  const label = __TOGGLE_LABEL__;
  const relabel = () => document.querySelectorAll("button.toggle-button")
    .forEach((button) => button.setAttribute("aria-label", label));
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", relabel);
  else relabel();
})();
