export default definePageConfig({ navigationBarTitleText: '填写生育登记' });
