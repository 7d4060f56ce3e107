/** How a file is shown: WeChat opens a PDF as a document and shows images in its viewer. */
export function viewerOf(contentType: string): 'document' | 'image' {
  return contentType === 'application/pdf' ? 'document' : 'image';
}
