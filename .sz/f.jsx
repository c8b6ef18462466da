import { Canvas, Chart, Interval, Line, Axis, Legend } from '@antv/f2';
import { jsx } from '@antv/f2';
const c = new Canvas({ context: null, children: jsx(Chart, {data: [], children:[jsx(Axis,{field:'a'}), jsx(Interval,{x:'a',y:'b'}), jsx(Line,{x:'a',y:'b'}), jsx(Legend,{})]}) });
c.render();
