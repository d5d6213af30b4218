import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = EChartsCoreOption;

/**
 * One ECharts chart. The component owns the chart instance: it creates it on mount, gives it each new option
 * (replacing the old one), resizes it whenever its box changes size (a phone turned, the side menu collapsing), and
 * disposes of it on unmount so no canvas, listener or timer outlives the page. The chart is drawn for sighted readers;
 * `label` names it for screen readers (role="img"), and the page shows the same figures as text beside it.
 */
export function EChart({ option, label, height = 320 }: { option: ChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // The label sits on a wrapper: ECharts writes its own aria-label on the element it draws in.
  return (
    <div role="img" aria-label={label} data-chart>
      <div ref={box} aria-hidden style={{ width: '100%', height }} />
    </div>
  );
}
