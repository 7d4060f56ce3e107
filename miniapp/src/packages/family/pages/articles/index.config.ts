export default definePageConfig({ navigationBarTitleText: '科学育儿' });
