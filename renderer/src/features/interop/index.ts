// What other parts of the app use of the interop feature: the Data section's buttons for DNA
// projects and REFI-QDA projects (open, import, export), with their dialogs.
export { InteropActions } from './InteropActions'
