import RepereBase

/// Every protocol of a bundle, overlays merged with the base they extend.
public struct ProtocolLibrary: Sendable {
  /// Protocols as written in their files, by id (first of duplicates).
  public private(set) var files: [String: ProtocolDefinition]
  /// Protocols ready to walk: an overlay merged over its (merged) base, by id.
  public private(set) var protocols: [String: ProtocolDefinition]
  /// Every protocol loaded, in load order, duplicates of an id included (for `check`).
  public private(set) var loaded: [ProtocolDefinition]

  /// Builds the library from protocols as loaded from files. Overlays whose base is missing or
  /// part of a cycle stay unmerged (`check` reports them).
  public init(files definitions: [ProtocolDefinition]) {
    self.loaded = definitions
    var files: [String: ProtocolDefinition] = [:]
    for definition in definitions where files[definition.id] == nil { files[definition.id] = definition }
    self.files = files
    var merged: [String: ProtocolDefinition] = [:]
    for id in files.keys.sorted() {
      var chain = Set<String>()
      _ = ProtocolLibrary.resolve(id, files: files, merged: &merged, chain: &chain)
    }
    self.protocols = merged
  }

  /// Protocol ids, sorted.
  public var ids: [String] { protocols.keys.sorted() }

  /// The merged protocol with this id.
  public func protocolDefinition(_ id: String) -> ProtocolDefinition? { protocols[id] }

  /// The protocol at the bottom of `id`'s chain of `extends` (itself when it extends nothing).
  public func root(of id: String) -> String {
    var current = id
    var seen: Set<String> = [id]
    while let base = files[current]?.extends, files[base] != nil, seen.insert(base).inserted { current = base }
    return current
  }

  /// How many `extends` separate `id` from its root.
  func depth(of id: String) -> Int {
    var depth = 0
    var current = id
    var seen: Set<String> = [id]
    while let base = files[current]?.extends, files[base] != nil, seen.insert(base).inserted {
      current = base
      depth += 1
    }
    return depth
  }

  /// The protocol in force for a case started on `baseID` at a place in `departement`: the most
  /// specific overlay of the same family whose scope covers the département, else the root
  /// protocol; with no département, `baseID` itself.
  public func protocolFor(baseID: String, departement: String?) -> ProtocolDefinition? {
    guard let departement else { return protocols[baseID] }
    let family = root(of: baseID)
    let candidates = protocols.values.filter { candidate in
      candidate.extends != nil && root(of: candidate.id) == family && candidate.scope.covers(departement)
    }
    let best = candidates.max { lhs, rhs in
      (depth(of: lhs.id), rhs.id) < (depth(of: rhs.id), lhs.id)
    }
    return best ?? protocols[family]
  }

  /// Overlays extending `id` directly.
  public func overlays(of id: String) -> [ProtocolDefinition] {
    files.values.filter { $0.extends == id }.sorted { $0.id < $1.id }
  }

  private static func resolve(
    _ id: String, files: [String: ProtocolDefinition], merged: inout [String: ProtocolDefinition],
    chain: inout Set<String>
  ) -> ProtocolDefinition? {
    if let done = merged[id] { return done }
    guard let file = files[id] else { return nil }
    guard let baseID = file.extends else {
      merged[id] = file
      return file
    }
    guard chain.insert(id).inserted else { return nil }  // a cycle of overlays
    defer { chain.remove(id) }
    guard let base = resolve(baseID, files: files, merged: &merged, chain: &chain) else {
      merged[id] = file
      return file
    }
    let result = merge(base: base, overlay: file)
    merged[id] = result
    return result
  }

  /// Applies an overlay to its base: same step id replaces in place, new ids are appended,
  /// `remove` drops base steps; dispositions and sources by code/id, the overlay's winning.
  public static func merge(base: ProtocolDefinition, overlay: ProtocolDefinition) -> ProtocolDefinition {
    var result = overlay
    let removed = Set(overlay.removedSteps)
    var steps = base.steps.filter { !removed.contains($0.id) }
    for step in overlay.steps {
      if let index = steps.firstIndex(where: { $0.id == step.id }) {
        steps[index] = step
      } else {
        steps.append(step)
      }
    }
    result.setSteps(steps)
    result.start = overlay.start.isEmpty ? base.start : overlay.start
    if overlay.start.isEmpty, let location = base.fieldLocations["start"] { result.fieldLocations["start"] = location }
    result.levels = base.levels
    result.declaresLevels = base.declaresLevels
    result.dispositions = base.dispositions.merging(overlay.dispositions) { _, new in new }
    result.sources = base.sources.merging(overlay.sources) { _, new in new }
    result.files = base.files + [overlay.location.file]
    return result
  }
}
