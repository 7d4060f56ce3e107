export default definePageConfig({ navigationBarTitleText: '三个全覆盖' });
