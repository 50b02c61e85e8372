import RepereBase

extension AppState {
  /// The place window (`p`, at any moment, the urgent path included): the text typed, then
  /// Enter looks it up. One place replaces the case's place (an answered place question is
  /// changed and the walk recomputed); several départements ask which; a likely mistyping is
  /// offered; nothing found keeps the window open with the text, to correct it.
  mutating func handlePlaceEntry(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    switch action {
    case .confirm:
      let text = placeEntry.line.trimmed
      guard !text.isEmpty else {
        status = StatusMessage(.error, Chrome.placeEntryEmpty(language))
        return []
      }
      // Nothing found and nothing like it: the window stays, with the text to correct. A likely
      // mistyping (« Sarcele ») goes on to the « vouliez-vous dire » choice.
      let matches = placeMatches(text)
      if case .nothing? = matches {
        status = StatusMessage(.error, Chrome.placeNotFound(language, TerminalText.sanitized(text)))
        return []
      }
      overlays.removeLast()
      placeEntry = PlaceEntryWindow()
      return choosePlace(typed: text, matches: matches, forStep: nil)
    case .close:
      overlays.removeLast()
      placeEntry = PlaceEntryWindow()
    default:
      break
    }
    return []
  }
}
