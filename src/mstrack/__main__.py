from mstrack.entry import main

main()
