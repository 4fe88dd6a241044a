// Least dashboard behaviour. Loaded as a file (the CSP forbids inline scripts and handlers).
(function () {
  "use strict";

  function policyChart() {
    var el = document.getElementById("policy-chart");
    if (!el || typeof echarts === "undefined") {
      return;
    }
    var data = JSON.parse(el.getAttribute("data-chart") || "{}");
    if (!data.names || data.names.length === 0) {
      el.textContent = "No logged sign-in carries policy results.";
      return;
    }
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: "axis", valueFormatter: function (v) { return v + " %"; } },
      legend: { data: ["hit rate", "challenge rate"] },
      grid: { left: 8, right: 16, bottom: 8, containLabel: true },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value} %" } },
      yAxis: { type: "category", inverse: true, data: data.names,
               axisLabel: { width: 260, overflow: "truncate" } },
      series: [
        { name: "hit rate", type: "bar", data: data.hitRates },
        { name: "challenge rate", type: "bar", data: data.challengeRates }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function autosubmit() {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
      s.addEventListener("change", function () { s.form.submit(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    policyChart();
    autosubmit();
  });
})();
