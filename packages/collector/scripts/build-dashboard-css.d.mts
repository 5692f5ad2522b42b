/** Writes `<outDir>/dashboard.css` (uPlot's CSS, then the dashboard's); returns the file written. */
export function buildDashboardCss(outDir?: string): string;
