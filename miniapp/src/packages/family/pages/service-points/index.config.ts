export default definePageConfig({ navigationBarTitleText: '附近服务网点' });
