/**
 * A map marker with a readable bubble, the same on every map of the app (dark text on
 * white, shown on tap). The icon is empty: WeChat draws its default pin; a custom icon
 * would need an image in the package.
 */
export function mapMarker(id: number, place: { lat: number; lng: number; name: string }, bubble: string) {
  return {
    id,
    latitude: place.lat,
    longitude: place.lng,
    iconPath: '',
    width: 30,
    height: 40,
    title: place.name,
    callout: {
      content: bubble,
      color: '#1a1a1a',
      fontSize: 14,
      borderRadius: 6,
      bgColor: '#ffffff',
      padding: 8,
      borderWidth: 1,
      borderColor: '#4d4d4d',
      anchorX: 0,
      anchorY: 0,
      display: 'BYCLICK' as const,
      textAlign: 'left' as const,
    },
  };
}
