import Foundation
import RepereBase

extension LookupCache {
  /// A directory rebuilt from an older cache where only some directory files changed.
  struct Spliced {
    var directory: Directory
    var contents: Contents
    var parsedFiles: [String]
  }

  /// Editing one file of a directory split in 101 files: only that file is parsed and indexed;
  /// the other files' structures stay packed as the older cache holds them (never decoded), their
  /// postings and columns are renumbered into the new index (`SearchIndex.splicing`), and the
  /// new cache is written from those pieces. Nil when the older cache cannot serve (another
  /// program or folder, a changed vocabulary or reference, a bit table full): the caller then
  /// rebuilds, reusing only the parsed structures.
  /// A record of a kept segment found damaged later is read from `files`, and `damaged` is called.
  static func splice(
    _ previous: Previous, key: Key, files: [DataFolder.File], parts: LookupData.SmallFiles,
    damaged: @escaping @Sendable () -> Void
  ) -> Spliced? {
    guard previous.indexInputs == key.indexInputs else { return nil }
    let old = previous.contents
    var oldRuns: [String: DocumentRun] = [:]
    var start = 0
    for run in old.runs {
      guard oldRuns[run.path] == nil else { return nil }
      oldRuns[run.path] = DocumentRun(fromOld: true, start: start, count: run.count)
      start += run.count
    }
    let sources = LookupData.directoryFiles(files)
    let unchanged = Set(
      sources.filter { file in
        key.directoryFiles[file.path].map { previous.keyLines.contains(Substring($0)) } ?? false
      }.map(\.path))
    let changed = sources.filter { !unchanged.contains($0.path) }
    // Nothing to reuse, or most of it changed: a full build is as fast.
    guard !unchanged.isEmpty, changed.count * 2 <= sources.count else { return nil }
    let loaded = LookupData.loadEachFile(changed)

    var runs: [DocumentRun] = []
    var fileRuns: [FileRun] = []
    var partial: [Structure] = []
    var findings = old.findings.filter { unchanged.contains($0.location.file) }
    var next = 0
    for file in sources {
      if unchanged.contains(file.path) {
        guard let run = oldRuns[file.path] else { continue }
        runs.append(run)
        fileRuns.append(FileRun(path: file.path, count: run.count))
      } else {
        let (structures, fileFindings) = loaded[next]
        next += 1
        findings += fileFindings
        guard !structures.isEmpty else { continue }
        // Each run is one file's: a record naming another file would break the runs.
        guard structures.allSatisfy({ $0.location.file == file.path }) else { return nil }
        runs.append(DocumentRun(fromOld: false, start: partial.count, count: structures.count))
        fileRuns.append(FileRun(path: file.path, count: structures.count))
        partial += structures
      }
    }
    let partialIndex = SearchIndex(structures: partial, reference: parts.reference, vocabulary: parts.vocabulary)
    guard
      let index = SearchIndex.splicing(
        old: old.index, partial: partialIndex, runs: runs,
        partialSortKeys: partial.map { (TextFolding.fold($0.nom), $0.id) },
        oldSortKey: { old.encoded.sortKey(at: $0) })
    else { return nil }
    let map = DocumentMap(runs: runs, oldCount: old.index.count, partialCount: partial.count)
    let recovery = SourceRecovery(runs: fileRuns, files: files)
    guard
      let encoded = splicedStructures(
        old: old.encoded, partial: partial, runs: runs, fileRuns: fileRuns,
        integrity: { sums, first in
          BlobIntegrity(sums: sums, recover: { recovery.structure(at: first + $0) }, damaged: damaged)
        })
    else { return nil }
    let ids = IDIndex.merging(old.ids, map: map, partial: partial)
    let directory = Directory(
      structures: StructureList(encoded: encoded), reference: parts.reference, vocabulary: parts.vocabulary,
      index: index, ids: ids)
    return Spliced(
      directory: directory,
      contents: Contents(findings: findings, encoded: encoded, runs: fileRuns, ids: ids, index: index),
      parsedFiles: changed.map(\.path))
  }

  /// The packed structures in the new order: the unchanged files' segments kept as they are
  /// (their file numbers still point into the kept file table; `integrity` gives them this
  /// directory's block checks, from their first position), the changed files' packed after.
  private static func splicedStructures(
    old: EncodedStructures, partial: [Structure], runs: [DocumentRun], fileRuns: [FileRun],
    integrity: ([UInt64], Int) -> BlobIntegrity
  ) -> EncodedStructures? {
    var oldSegments: [Int: StructureSegment] = [:]
    for (segment, start) in zip(old.segments, old.starts) { oldSegments[start] = segment }
    let added = zip(runs, fileRuns).filter { !$0.0.fromOld }.map(\.1)
    let (addedSegments, files) = EncodedStructures.packing(partial, runs: added, files: old.files)
    var next = addedSegments.makeIterator()
    var segments: [StructureSegment] = []
    var position = 0
    for run in runs {
      let segment: StructureSegment?
      if run.fromOld {
        segment = oldSegments[run.start].flatMap { kept in
          kept.integrity.flatMap { kept.reused(integrity: integrity($0.sums, position)) }
        }
      } else {
        segment = next.next()
      }
      guard let segment, segment.count == run.count else { return nil }
      segments.append(segment)
      position += run.count
    }
    return EncodedStructures(segments: segments, files: files)
  }
}

extension IDIndex {
  /// The id lookup of a spliced directory: the old pairs renumbered (those of changed files
  /// dropped) merged with the new structures', in (hash, position) order as a full build sorts.
  static func merging(_ old: IDIndex, map: DocumentMap, partial: [Structure]) -> IDIndex {
    var added: [(UInt64, Int32)] = partial.indices.map { position in
      (FNV.hash(Array(partial[position].id.utf8)[...]), map.partial[position])
    }
    added.sort { $0 < $1 }
    var hashes: [UInt64] = []
    var positions: [Int32] = []
    hashes.reserveCapacity(map.count)
    positions.reserveCapacity(map.count)
    var j = 0
    for slot in old.hashes.indices {
      let position = map.old[Int(old.positions[slot])]
      guard position >= 0 else { continue }
      let pair = (old.hashes[slot], position)
      while j < added.count, added[j] < pair {
        hashes.append(added[j].0)
        positions.append(added[j].1)
        j += 1
      }
      hashes.append(pair.0)
      positions.append(pair.1)
    }
    for (hash, position) in added[j...] {
      hashes.append(hash)
      positions.append(position)
    }
    return IDIndex(hashes: hashes, positions: positions)
  }
}
