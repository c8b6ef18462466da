import uCharts from '@qiun/ucharts';
new uCharts({type:'column'});
