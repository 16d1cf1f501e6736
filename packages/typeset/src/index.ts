export { faces, faceNames, loadFace, widthOf, missingGlyphs, type FaceInfo, type FaceName } from './lib/fonts.js'
