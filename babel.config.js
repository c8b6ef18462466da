// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // React Refresh only with the dev server: a build started from a test runner (NODE_ENV=test)
        // would otherwise ship refresh hooks without their runtime and fail with "$RefreshReg$ is not defined".
        hot: process.env.NODE_ENV === 'development',
      },
    ],
  ],
  plugins: [
    [
      // Pull in only the NutUI components a page names, each with its compiled CSS, instead of the
      // whole library and its full stylesheet.
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
