// babel-preset-taro drives both builds; `compiler: 'webpack5'` must match config/index.ts.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
