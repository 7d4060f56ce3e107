export default definePageConfig({ navigationBarTitleText: '申领育儿补贴' });
