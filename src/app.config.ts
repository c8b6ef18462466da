export default defineAppConfig({
  // Tab pages and login live in the main package; each role's work pages live in its own subpackage,
  // so an owner never downloads the staff screens and the main package stays under the 2 MB limit.
  pages: ['pages/home/index', 'pages/todo/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    { root: 'packages/owner', pages: ['bills/index', 'bind-room/index', 'notices/index', 'ask/index', 'inquiries/index', 'inquiry/index'] },
    { root: 'packages/committee', pages: ['index/index', 'documents/index', 'document/index', 'inquiries/index', 'ask/index', 'inquiry/index'] },
    { root: 'packages/staff', pages: ['bindings/index', 'arrears/index', 'workbench/index', 'calendar/index', 'documents/index', 'compose/index', 'record/index', 'archive/index', 'queue/index', 'inquiry/index', 'inquiry-stats/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '物业业委会沟通协调',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    // The mini-program always has this bar; on H5 Taro draws it (title and back button) only when asked.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#1f6feb',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/todo/index',
        text: '待办',
        iconPath: 'assets/tabbar/todo.png',
        selectedIconPath: 'assets/tabbar/todo-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
});
