// Each fixture runs a whole suite; two at once would only fight over two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
