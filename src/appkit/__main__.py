from appkit.cli import main

main()
