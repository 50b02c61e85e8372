import RepereBase

extension DataBundle {
  /// The protocol `id` when the bundle has it; otherwise a failure naming the closest id and
  /// listing those that exist (`walk`, `paths`, `replay`).
  public func requireProtocol(_ id: String) throws -> String {
    guard library.protocolDefinition(id) != nil else {
      let hint = Suggestion.hint(for: id, among: library.ids).map { " (\($0))" } ?? ""
      throw RuntimeFailure("protocole « \(id) » absent\(hint) ; protocoles : \(library.ids.joined(separator: ", "))")
    }
    return id
  }
}
