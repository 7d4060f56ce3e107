export default definePageConfig({ navigationBarTitleText: '机构监管' });
