// Loads Chart.js (UMD, window.Chart) once with a same-origin <script src>, as the CSP allows.
let loading = null;

export function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/vendor/chart.js/chart.umd.min.js';
      script.addEventListener('load', () => resolve(window.Chart));
      script.addEventListener('error', () => reject(new Error('Chart.js non disponibile')));
      document.head.append(script);
    });
  }
  return loading;
}
