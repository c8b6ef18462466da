import { appPages, ROUTES } from './domain/routes';

// Tab pages and login live in the main package; each role's work pages live in its own subpackage,
// so an owner never downloads the staff screens and the main package stays under the 2 MB limit.
// The page lists come from the route table; a relative import, since the config loader has no aliases.
const { pages, subPackages } = appPages();
const tabPath = (route: string) => route.slice(1);

export default defineAppConfig({
  pages,
  subPackages,
  // Inject only the components a page uses. Taro's open reports about it do not apply here: a white
  // screen ("base.wxml not found") on base library 2.20.x only (NervJS/taro#10885), native components
  // declared in a subpackage page's usingComponents (#14539) or in an independent subpackage (#17766):
  // our pages declare only Taro's own `comp`, and no subpackage is independent.
  lazyCodeLoading: 'requiredComponents',
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
        pagePath: tabPath(ROUTES.home),
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: tabPath(ROUTES.todo),
        text: '待办',
        iconPath: 'assets/tabbar/todo.png',
        selectedIconPath: 'assets/tabbar/todo-active.png',
      },
      {
        pagePath: tabPath(ROUTES.me),
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
});
