export default definePageConfig({ navigationBarTitleText: '托育机构底册' });
